import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, SECURITY_HEADERS, headersFile, parseHeadersFile } from './securityHeaders';

describe('the security headers every serving route sends', () => {
  it('the header policy is the page policy plus frame-ancestors none', () => {
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors'); // ignored (and warned about) in <meta>
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  it('_headers applies them to every path, and reads back to the same headers', () => {
    const file = headersFile();
    expect(file.split('\n')[0]).toBe('/*');
    expect(file).toContain(`  Content-Security-Policy: ${CONTENT_SECURITY_POLICY_HEADER}\n`);
    expect(parseHeadersFile(file)).toEqual(SECURITY_HEADERS);
  });

  it('reads only the /* rules of a _headers file written by hand', () => {
    const text = '/assets/*\n  Cache-Control: immutable\n\n/*\n  X-A: 1\n  X-B: two: parts\n';
    expect(parseHeadersFile(text)).toEqual({ 'X-A': '1', 'X-B': 'two: parts' });
  });

  it("the README's nginx and Apache lines carry exactly this policy", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY_HEADER}" always;`);
    expect(readme).toContain(`Header always set Content-Security-Policy "${CONTENT_SECURITY_POLICY_HEADER}"`);
  });
});
