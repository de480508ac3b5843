/** The companies list and everything of one company's page. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { companyPage } from "../../app/companies/company-page.ts";
import { listCompanies } from "../../app/companies/list-companies.ts";
import {
  ACCOUNT_STATES,
  ORDER_STATUSES,
  PARTNERSHIP_TYPES,
  SCAN_STATUSES,
  SCANNER_STATUSES,
} from "../../core/model.ts";
import { PRODUCT_CODES, SCANNED_PRODUCTS } from "../../core/products.ts";
import { SEVERITIES } from "../../core/task.ts";
import { COMPANY_SORTS } from "../../db/companies.query.ts";
import type { HttpDeps } from "../deps.ts";
import { authErrors, csvList, idList, severityCounts, taskSchema } from "../schemas.ts";
import { requestScope } from "../scope.ts";

const companySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    partnershipId: z.string(),
    partnershipName: z.string(),
    partnershipType: z.enum(PARTNERSHIP_TYPES),
    accountState: z.enum(ACCOUNT_STATES),
    tags: z.array(z.string()),
  })
  .meta({ id: "Company" });

const amountSchema = z.object({ currency: z.string(), amount: z.number() }).meta({ id: "Amount" });

const companyPageSchema = z
  .object({
    company: companySchema,
    openTasks: severityCounts,
    highestSeverity: z.enum(SEVERITIES).nullable(),
    commercial: z
      .object({
        orders: z.array(
          z.object({
            orderNumber: z.string(),
            startDate: z.string(),
            endDate: z.string(),
            status: z.enum(ORDER_STATUSES),
            acv: z.number().nullable(),
            currency: z.string().nullable(),
            lines: z.array(
              z.object({ product: z.enum(PRODUCT_CODES), productName: z.string(), quantity: z.number() }),
            ),
            daysToRenewal: z.number().describe("end date − today; negative once ended"),
          }),
        ),
        acv: z.array(amountSchema).describe("active orders running today, per currency"),
      })
      .nullable()
      .describe("null for MSSP partnerships: commercial information is for resellers only"),
    productUsage: z.object({
      products: z.array(
        z.object({
          product: z.enum(PRODUCT_CODES),
          productName: z.string(),
          licensed: z.number().nullable(),
          used: z.number().nullable(),
          usagePercent: z.number().nullable(),
          measuredAt: z.string().nullable(),
          enabledAt: z.string().nullable(),
          lastUsedAt: z.string().nullable(),
        }),
      ),
      history: z
        .array(z.object({ product: z.enum(PRODUCT_CODES), measuredAt: z.string(), used: z.number() }))
        .describe("usage measurements of the last 90 days, oldest first"),
    }),
    churnRisk: z.object({
      scanners: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          status: z.enum(SCANNER_STATUSES),
          lastSeenAt: z.string().nullable(),
          inactive: z.boolean(),
        }),
      ),
      scans: z
        .array(
          z.object({
            id: z.string(),
            product: z.enum(SCANNED_PRODUCTS),
            status: z.enum(SCAN_STATUSES),
            startedAt: z.string(),
            finishedAt: z.string().nullable(),
            target: z.string().nullable(),
            failed: z.boolean().describe("counts in a failed-scans task"),
          }),
        )
        .describe("scans of the last 30 days, newest first"),
    }),
    tasks: z.array(taskSchema).describe("live tasks: open, snoozed, dismissed"),
  })
  .meta({ id: "CompanyPage" });

export async function companiesRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/companies",
    {
      config: { access: "read" },
      schema: {
        tags: ["companies"],
        summary: "List companies with filters, cursor pagination and open tasks by severity",
        querystring: z.object({
          q: z.string().max(200).optional().describe("words in the company's name or id"),
          partnership: idList(),
          tag: idList().describe("companies carrying any of these tags; comma-separated"),
          severity: csvList(SEVERITIES).describe("companies with open tasks of any of these severities"),
          sort: z
            .enum(COMPANY_SORTS)
            .optional()
            .describe("name (default), -name, tasks (most open high, then medium, then low)"),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
          partner: z.string().max(200).optional().describe("vendor only: one partner's companies"),
        }),
        response: {
          200: z.object({
            items: z.array(companySchema.extend({ openTasks: severityCounts })),
            nextCursor: z.string().nullable(),
            total: z.number().describe("companies matching the filter"),
          }),
          ...authErrors,
        },
      },
    },
    async (request) => {
      const query = request.query;
      return listCompanies(deps.ctx, requestScope(request, query.partner), {
        search: query.q,
        partnershipIds: query.partnership,
        tags: query.tag,
        severities: query.severity,
        sort: query.sort,
        limit: query.limit,
        cursor: query.cursor,
      });
    },
  );

  api.get(
    "/companies/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["companies"],
        summary: "Everything of one company's page: orders, licence usage, appliances, scans, live tasks",
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: companyPageSchema, ...authErrors },
      },
    },
    async (request) => companyPage(deps.ctx, requestScope(request), request.params.id),
  );
}
