import { Field, ObjectType } from "type-graphql";
import type { ConsentPurpose } from "../../db/schema/enums.js";
import { ConsentPurposeEnum } from "../../graphql/enums.js";
import { DateTimeScalar } from "../../graphql/scalars.js";

@ObjectType({ simpleResolvers: true, description: "The customer's current consent for one purpose or channel." })
export class Consent {
  @Field(() => ConsentPurposeEnum) purpose!: ConsentPurpose;
  @Field(() => Boolean) granted!: boolean;
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => String, { description: "Where the consent was given or withdrawn." }) source!: string;
}
