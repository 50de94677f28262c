import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A link the browser follows to download a file by itself, streaming it to disk. It works once, for about a minute, and only while the session that asked for it lasts.',
})
export class DownloadLink {
  @Field({ description: 'The path to follow on this server, its single-use ticket included' })
  url!: string;

  @Field()
  expiresAt!: Date;
}
