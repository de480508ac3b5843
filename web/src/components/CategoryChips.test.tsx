import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Category } from "../../../src/core/task.ts";
import { CategoryChips } from "./CategoryChips.tsx";

const counts = { commercial: 3, "product-usage": 13, "churn-risk": 0 };

describe("CategoryChips", () => {
  afterEach(cleanup);

  it("shows each category with its count", () => {
    render(<CategoryChips selected={[]} counts={counts} onChange={() => {}} />);
    expect(screen.getByRole("group", { name: "Category" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Commercial 3 tasks" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Product usage 13 tasks" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Churn risk 0 tasks" })).toBeTruthy();
  });

  it("marks the selected categories with aria-pressed", () => {
    render(<CategoryChips selected={["churn-risk"]} counts={counts} onChange={() => {}} />);
    expect(screen.getByRole("button", { name: /^Churn risk/ }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: /^Commercial/ }).getAttribute("aria-pressed")).toBe("false");
  });

  it("adds and removes categories, keeping the catalogue's order", () => {
    const onChange = vi.fn<(selected: Category[]) => void>();
    const { rerender } = render(
      <CategoryChips selected={["churn-risk"]} counts={counts} onChange={onChange} />,
    );
    fireEvent.click(screen.getByRole("button", { name: /^Commercial/ }));
    expect(onChange).toHaveBeenLastCalledWith(["commercial", "churn-risk"]);
    rerender(<CategoryChips selected={["commercial", "churn-risk"]} counts={counts} onChange={onChange} />);
    fireEvent.click(screen.getByRole("button", { name: /^Churn risk/ }));
    expect(onChange).toHaveBeenLastCalledWith(["commercial"]);
  });
});
