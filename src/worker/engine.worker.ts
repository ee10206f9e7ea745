/// <reference lib="webworker" />
import { Engine } from './Engine';

// The thin worker entry: bind the engine to this worker's global scope.
new Engine(self as unknown as DedicatedWorkerGlobalScope);
