/** The vendor's products (spec: tasks.md § Products). */
export const PRODUCT_CODES = ["SNS", "DA", "WAS", "CS", "PAT"] as const;
export type ProductCode = (typeof PRODUCT_CODES)[number];

export interface Product {
  readonly code: ProductCode;
  readonly name: string;
  /** What one licence covers, singular. */
  readonly unit: string;
}

export const PRODUCTS: Readonly<Record<ProductCode, Product>> = {
  SNS: { code: "SNS", name: "System & Network Security", unit: "IP address" },
  DA: { code: "DA", name: "Device Agent", unit: "computer" },
  WAS: { code: "WAS", name: "Web Application Security", unit: "web application" },
  CS: { code: "CS", name: "Cloud Security", unit: "cloud asset" },
  PAT: { code: "PAT", name: "Phishing Simulation & Awareness Training", unit: "user" },
};

/** Products whose scans the vendor reports (the failed-scan rules). */
export const SCANNED_PRODUCTS = ["SNS", "WAS"] as const;
export type ScannedProduct = (typeof SCANNED_PRODUCTS)[number];

export function productName(code: ProductCode): string {
  return PRODUCTS[code].name;
}
