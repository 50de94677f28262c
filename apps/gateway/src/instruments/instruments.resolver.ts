import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { getInstrument, listInstruments, PULSE_INSTRUMENT_ID } from '@leaderscope/framework';
import { CurrentViewer, Viewer } from '../access/viewer';

@ObjectType()
export class RoleProfileSummary {
  @Field()
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'A built-in instrument and the versions a cycle can use.' })
export class InstrumentSummary {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field(() => [Int], { description: 'Oldest first' })
  versions!: number[];

  @Field(() => Int)
  latestVersion!: number;

  @Field(() => [RoleProfileSummary], { description: 'Role profiles of the latest version' })
  roleProfiles!: RoleProfileSummary[];
}

@Resolver(() => InstrumentSummary)
export class InstrumentsResolver {
  @Query(() => [InstrumentSummary], { description: 'The instruments, versions and role profiles a cycle can be run or rescored with.' })
  instruments(@CurrentViewer() _viewer: Viewer): InstrumentSummary[] {
    const byId = new Map<string, number[]>();
    // The follow-up pulse runs only as a pulse on a leader's plan (startPulse), never as a cycle.
    for (const i of listInstruments()) if (i.id !== PULSE_INSTRUMENT_ID) byId.set(i.id, [...(byId.get(i.id) ?? []), i.version]);
    return [...byId].map(([id, versions]) => {
      const latest = getInstrument(id);
      return {
        id,
        name: latest.name,
        versions: versions.sort((a, b) => a - b),
        latestVersion: latest.version,
        roleProfiles: latest.roleProfiles.map((p) => ({ id: p.id, name: p.name })),
      };
    });
  }
}
