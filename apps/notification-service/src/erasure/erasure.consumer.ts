import { EventEnvelope, personErasedV1, PersonErasedV1 } from '@leaderscope/events';
import { EventSubscriber } from '@leaderscope/service-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ErasePersonUseCase } from './erase-person.use-case';

/** Thin adapter: person.erased → ErasePersonUseCase. */
@Injectable()
export class ErasureConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly erase: ErasePersonUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.subscribe({
      consumer: ErasePersonUseCase.consumer,
      contracts: [personErasedV1],
      handler: async (event) => {
        await this.erase.execute(event as EventEnvelope<PersonErasedV1>);
      },
    });
  }
}
