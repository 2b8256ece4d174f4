import { and, desc, eq, isNull } from "drizzle-orm";
import { actionLog } from "../../db/schema/index.js";
import type { NextBestActionType } from "../../domain/scoring/vocabulary.js";
import type { Context } from "../../graphql/context.js";
import { AppError, badInput } from "../../graphql/errors.js";
import { getCustomer, type CustomerView } from "../customer/customer.service.js";

export const ACTION_OUTCOMES = ["OFFERED", "ACCEPTED", "CONVERTED", "DECLINED", "IGNORED"] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

/**
 * Records a next-best-action offer (OFFERED: starts the frequency cap) or the outcome of the latest offer of
 * that action; an outcome for an action never offered is refused.
 */
export async function recordActionOutcome(
  ctx: Context,
  input: { customerId: string; action: NextBestActionType; outcome: ActionOutcome },
): Promise<CustomerView> {
  const customer = await getCustomer(ctx, input.customerId);
  if (!customer) throw new AppError("NOT_FOUND", `No customer ${input.customerId}`, { field: "customerId" });
  if (input.outcome === "OFFERED") {
    // The channel it goes out on is the one next-best-action chose for it, else the preferred channel.
    const scores = await ctx.loaders.intelligence.scoresAt(ctx.now).load(customer.id);
    const channel = scores?.nextBestActions.find((a) => a.action === input.action)?.channel ?? scores?.preferredChannel ?? null;
    await ctx.db.insert(actionLog).values({ customerId: customer.id, action: input.action, channel, offeredAt: ctx.now });
  } else {
    const [offer] = await ctx.db
      .select({ id: actionLog.id })
      .from(actionLog)
      .where(and(eq(actionLog.customerId, customer.id), eq(actionLog.action, input.action), isNull(actionLog.outcome)))
      .orderBy(desc(actionLog.offeredAt))
      .limit(1);
    if (!offer) {
      throw badInput("action", `${input.action} has no open offer to this customer; record OFFERED when it is offered`);
    }
    await ctx.db.update(actionLog).set({ outcome: input.outcome, outcomeAt: ctx.now }).where(eq(actionLog.id, offer.id));
  }
  ctx.loaders.intelligence.clear();
  return customer;
}
