import { Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../graphql/pagination.js";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars.js";

// The golden record. Lists and computed fields are resolved in customer.resolver.ts through loaders.
@ObjectType({ description: "One person, resolved across every channel." })
export class Customer {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field(() => DateScalar, { nullable: true }) birthDate!: string | null;
  @Field(() => String, { nullable: true }) gender!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType()
export class CustomerConnection extends ConnectionType("Customer", Customer) {
  // Set by the list query; counting is a query of its own, run only when a client asks for it.
  countTotal!: () => Promise<number>;

  @Field(() => Int, { description: "How many customers match the filter (one extra query when asked)." })
  totalCount(): Promise<number> {
    return this.countTotal();
  }
}
