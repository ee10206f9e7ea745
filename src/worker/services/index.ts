/*
 * "What a service sees" (docs/architecture.md, worker/services/), as one module the engine loads
 * with `import()` when a service is first used, so the worker starts without it.
 */
export { checkCardData } from './cardDataChecks';
export { checkCertificates } from './certificateChecks';
export { readAuthCertificate, serviceLogin } from './serviceLogin';
export { signDocument } from './signDocument';
