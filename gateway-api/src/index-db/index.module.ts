import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';

import { DatabaseModule } from './database/database.module';
import { IndexReadinessCheck } from './index-readiness.check';
import { INDEX_LAG_SINK, IndexLagSampler, type IndexLagSink } from './listener/index-lag.sampler';
import { INDEX_LISTENER_OPTIONS, IndexListener, type IndexListenerOptions } from './listener/index-listener';
import { PROJECTORS, type Projector } from './projection/projector';
import { ProjectorRegistry } from './projection/projector-registry';
import { SmokeValueProjector } from './smoke/smoke-value.projector';

/** The projectors every gateway runs; feature modules add theirs through `projectors`. */
const BUILT_IN_PROJECTORS: readonly Type<Projector>[] = [SmokeValueProjector];

export interface IndexModuleOptions {
  /** Modules that together export LEDGER_EVENT_SOURCE (the Fabric adapter of the ledger port). */
  readonly imports?: ModuleMetadata['imports'];
  /** Further projectors, provided here; each handles one event name. */
  readonly projectors?: readonly Type<Projector>[];
  /** Listener settings; `{ autoStart: false }` keeps the index read-only until `start()`. */
  readonly listener?: Partial<IndexListenerOptions>;
  /**
   * Where to report the lag every 10 s, e.g. `MetricsService` (put MetricsModule in `imports`); it
   * must be injectable here. Without it nothing is sampled; `IndexListener.lag()` still answers.
   */
  readonly lagSink?: Type<IndexLagSink>;
}

/**
 * The off-chain index: the database (DatabaseModule, migrated at start-up), the listener projecting
 * chaincode events with its checkpoint, and the "index" readiness check. Exports IndexListener (for
 * `lag()`), IndexReadinessCheck and DatabaseModule (so importers get `Database`). Register it once
 * and reuse that value wherever it is imported (AppModule, HealthModule.register), so there is one
 * listener.
 */
@Module({})
export class IndexModule {
  static register(options: IndexModuleOptions = {}): DynamicModule {
    const projectors = [...BUILT_IN_PROJECTORS, ...(options.projectors ?? [])];
    return {
      module: IndexModule,
      imports: [DatabaseModule, ...(options.imports ?? [])],
      providers: [
        ...projectors,
        {
          provide: PROJECTORS,
          useFactory: (...instances: Projector[]): Projector[] => instances,
          inject: projectors,
        },
        { provide: INDEX_LISTENER_OPTIONS, useValue: options.listener ?? {} },
        ...(options.lagSink === undefined ? [] : [{ provide: INDEX_LAG_SINK, useExisting: options.lagSink }]),
        ProjectorRegistry,
        IndexListener,
        IndexLagSampler,
        IndexReadinessCheck,
      ],
      exports: [IndexListener, IndexReadinessCheck, DatabaseModule],
    };
  }
}
