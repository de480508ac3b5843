import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Severity } from "../../../src/core/task.ts";
import { SeverityTriangle } from "./SeverityTriangle.tsx";

const counts = { high: 7, medium: 1234, low: 0 };
const toggle = (name: RegExp) => screen.getByRole("button", { name });

describe("SeverityTriangle", () => {
  afterEach(cleanup);

  it("shows one toggle per severity with its word and live count", () => {
    render(<SeverityTriangle selected={[]} counts={counts} onChange={() => {}} />);
    expect(screen.getByRole("group", { name: "Severity" })).toBeTruthy();
    expect(toggle(/^High 7 tasks$/).textContent).toBe("High7 tasks");
    expect(toggle(/^Medium/).textContent).toContain("1,234");
    expect(toggle(/^Low 0 tasks$/)).toBeTruthy();
    expect(screen.getAllByRole("button")).toHaveLength(3);
  });

  it("reports the pressed state with aria-pressed", () => {
    render(<SeverityTriangle selected={["high", "low"]} counts={counts} onChange={() => {}} />);
    expect(toggle(/^High/).getAttribute("aria-pressed")).toBe("true");
    expect(toggle(/^Medium/).getAttribute("aria-pressed")).toBe("false");
    expect(toggle(/^Low/).getAttribute("aria-pressed")).toBe("true");
  });

  it("switches a severity on and off, several at once, in severity order", () => {
    const onChange = vi.fn<(selected: Severity[]) => void>();
    const { rerender } = render(<SeverityTriangle selected={["low"]} counts={counts} onChange={onChange} />);
    fireEvent.click(toggle(/^High/));
    expect(onChange).toHaveBeenLastCalledWith(["high", "low"]);
    rerender(<SeverityTriangle selected={["high", "low"]} counts={counts} onChange={onChange} />);
    fireEvent.click(toggle(/^Low/));
    expect(onChange).toHaveBeenLastCalledWith(["high"]);
  });

  it("shows a placeholder while the counts load, never a wrong zero", () => {
    render(<SeverityTriangle selected={[]} counts={null} onChange={() => {}} />);
    expect(screen.getByTestId("severity-count-high").textContent).toBe("… tasks");
  });

  it("is operable by keyboard: each toggle is a native button", () => {
    render(<SeverityTriangle selected={[]} counts={counts} onChange={() => {}} />);
    for (const button of screen.getAllByRole("button")) {
      expect(button.tagName).toBe("BUTTON");
      expect(button.getAttribute("type")).toBe("button");
    }
  });
});
