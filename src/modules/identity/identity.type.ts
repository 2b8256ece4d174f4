import { Field, ID, ObjectType } from "type-graphql";
import type { Channel, IdentifierType } from "../../db/schema/enums.js";
import { ChannelEnum, IdentifierTypeEnum } from "../../graphql/enums.js";
import { DateTimeScalar, JSONObjectScalar } from "../../graphql/scalars.js";

@ObjectType({ simpleResolvers: true, description: "One identifier of a customer, as channels reported it." })
export class Identity {
  @Field(() => ID) id!: string;
  @Field(() => IdentifierTypeEnum) type!: IdentifierType;
  @Field(() => String, { description: "The normalized value used for matching (masked for NATIONAL_ID)." })
  value!: string;
  @Field(() => String, { description: "WeChat app id for OpenIDs, source system for external ids, else empty." })
  namespace!: string;
  @Field(() => ChannelEnum, { description: "The channel that first reported it." }) channel!: Channel;
  @Field(() => String) sourceSystem!: string;
  @Field(() => DateTimeScalar) firstSeenAt!: Date;
  @Field(() => DateTimeScalar) lastSeenAt!: Date;
  @Field(() => Boolean) verified!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "A record a channel sent, as it was last received." })
export class SourceRecord {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => String) sourceSystem!: string;
  @Field(() => String) sourceRecordId!: string;
  @Field(() => DateTimeScalar) observedAt!: Date;
  @Field(() => JSONObjectScalar, { description: "Profile attributes as the channel sent them." })
  attributes!: Record<string, unknown>;
}
