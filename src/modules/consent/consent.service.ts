import { consents, type ConsentPurpose } from "../../db/schema/index.js";
import type { Context } from "../../graphql/context.js";
import { AppError, badInput } from "../../graphql/errors.js";
import { getCustomer, type CustomerView } from "../customer/customer.service.js";
import { queueForRefresh } from "../intelligence/score-refresh.service.js";

/** Records a customer's consent for one purpose, as of now; next-best-actions follow it at once. */
export async function setConsent(
  ctx: Context,
  input: { customerId: string; purpose: ConsentPurpose; granted: boolean; source: string },
): Promise<CustomerView> {
  const source = input.source.trim();
  if (source === "" || source.length > 200) throw badInput("source", "`source` must be 1–200 characters: where the consent was given");
  const customer = await getCustomer(ctx, input.customerId);
  if (!customer) throw new AppError("NOT_FOUND", `No customer ${input.customerId}`, { field: "customerId" });
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(consents)
      .values({ customerId: customer.id, purpose: input.purpose, granted: input.granted, at: ctx.now, source })
      .onConflictDoUpdate({ target: [consents.customerId, consents.purpose], set: { granted: input.granted, at: ctx.now, source } });
    await queueForRefresh(tx, [customer.id]);
  });
  // The request's loaders may hold the customer's old consents and scores: answer from fresh ones.
  ctx.loaders.consent.byCustomer.clear(customer.id);
  ctx.loaders.intelligence.clear();
  return customer;
}
