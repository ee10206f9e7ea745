/// <reference lib="webworker" />
import jp2WasmUrl from '@cornerstonejs/codec-openjpeg/decodewasm?url';
import { Engine } from './Engine';
import { usbHost } from './usbHost';

// The thin worker entry: bind the engine to this worker's global scope. Vite gives the URL of
// OpenJPEG's .wasm (face photo, docs/card-reference.md §8.2); only the worker imports it.
new Engine(self as unknown as DedicatedWorkerGlobalScope, { jp2WasmUrl, usb: usbHost() });
