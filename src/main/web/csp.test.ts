import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './http-host';

const imgSrc = (csp: string) => /img-src ([^;]+);/.exec(csp)![1];

describe('browser-mode Content-Security-Policy', () => {
  it('adds exactly the loopback http store origins to img-src, nothing else', () => {
    expect(imgSrc(contentSecurityPolicy())).toBe("'self' data: https:");
    expect(imgSrc(contentSecurityPolicy(['http://127.0.0.1:4100', 'https://api.bigcommerce.com', 'http://127.0.0.1:4100', 'http://localhost:80', 'http://10.0.0.2:80', "http://127.0.0.1:1 'unsafe-inline'"])))
      .toBe("'self' data: https: http://127.0.0.1:4100");
    expect(contentSecurityPolicy(['http://127.0.0.1:4100'])).toContain("script-src 'self';");
  });
});
