import { Field, InputType, registerEnumType } from "type-graphql";
import type { Channel } from "../../db/schema/enums.js";
import { ChannelEnum, SortDirectionEnum } from "../../graphql/enums.js";
import { DateTimeScalar } from "../../graphql/scalars.js";

export const CUSTOMER_ORDER_FIELDS = ["CREATED_AT", "UPDATED_AT", "DISPLAY_NAME"] as const;
export type CustomerOrderField = (typeof CUSTOMER_ORDER_FIELDS)[number];
export const CustomerOrderFieldEnum = { CREATED_AT: "CREATED_AT", UPDATED_AT: "UPDATED_AT", DISPLAY_NAME: "DISPLAY_NAME" } as const;
registerEnumType(CustomerOrderFieldEnum, { name: "CustomerOrderField" });

@InputType({ description: "Every given condition must hold (AND); a list matches any of its values (OR)." })
export class CustomerFilter {
  @Field(() => [ChannelEnum], { nullable: true, description: "Seen on any of these channels." })
  channels?: Channel[] | null;

  @Field(() => [String], { nullable: true, description: "Lives in any of these cities (exact)." })
  cities?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "A name prefix (case-insensitive), or an exact email, phone (any format) or loyalty card.",
  })
  search?: string | null;

  @Field(() => DateTimeScalar, { nullable: true }) createdAfter?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) createdBefore?: Date | null;
}

@InputType()
export class CustomerOrder {
  @Field(() => CustomerOrderFieldEnum) field!: CustomerOrderField;
  @Field(() => SortDirectionEnum, { defaultValue: "ASC" }) direction!: "ASC" | "DESC";
}
