import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { ConsentPurpose } from "../../db/schema/enums.js";
import type { Context } from "../../graphql/context.js";
import { ConsentPurposeEnum } from "../../graphql/enums.js";
import { Customer } from "../customer/customer.type.js";
import { setConsent } from "./consent.service.js";

@Resolver()
export class ConsentResolver {
  @Mutation(() => Customer, { description: "Grants or withdraws consent for one purpose; marketing actions follow it at once." })
  setConsent(
    @Arg("customerId", () => ID) customerId: string,
    @Arg("purpose", () => ConsentPurposeEnum) purpose: ConsentPurpose,
    @Arg("granted", () => Boolean) granted: boolean,
    @Arg("source", () => String, { description: "Where it was given: a form, a store, a call …" }) source: string,
    @Ctx() ctx: Context,
  ) {
    return setConsent(ctx, { customerId, purpose, granted, source });
  }
}
