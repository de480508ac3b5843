/** The dashboard's figures for the caller's scope. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { dashboard } from "../../app/dashboard.ts";
import type { HttpDeps } from "../deps.ts";
import { authErrors, categoryCounts, idList, severityCounts } from "../schemas.ts";
import { requestScope } from "../scope.ts";

const amounts = z.array(z.object({ currency: z.string(), amount: z.number() }));

const dashboardSchema = z
  .object({
    customers: z.number().describe("companies that are not archived"),
    activeSubscriptions: z.number().describe("active orders running today (reseller partnerships)"),
    acv: amounts.describe("ACV of active orders running today, per currency (reseller partnerships)"),
    acvRenewingIn3Months: amounts.describe(
      "ACV of active orders ending from today through today + 3 months, per currency",
    ),
    openTasks: z.object({ total: z.number(), severity: severityCounts, category: categoryCounts }),
    openTasksPerDay: z
      .array(severityCounts.extend({ date: z.string() }))
      .describe("open tasks at the end of each of the last 90 days (portal dates), oldest first"),
  })
  .meta({ id: "Dashboard" });

export async function dashboardRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/dashboard",
    {
      config: { access: "read" },
      schema: {
        tags: ["dashboard"],
        summary: "Customers, subscriptions, ACV and open tasks, now and over the last 90 days",
        querystring: z.object({
          partnership: idList(),
          partner: z.string().max(200).optional().describe("vendor only: one partner's figures"),
        }),
        response: { 200: dashboardSchema, ...authErrors },
      },
    },
    async (request) =>
      dashboard(deps.ctx, requestScope(request, request.query.partner), {
        partnershipIds: request.query.partnership,
      }),
  );
}
