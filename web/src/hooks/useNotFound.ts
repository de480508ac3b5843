import { createContext, useContext } from "react";

/** Lets a page show the 404 page when the API says its company or task does not exist (for you). */
export const NotFoundContext = createContext<() => void>(() => {});

export function useNotFound(): () => void {
  return useContext(NotFoundContext);
}
