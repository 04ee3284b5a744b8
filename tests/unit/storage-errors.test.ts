import { describe, expect, it } from 'vitest';
import { storageError } from '../../src/storage/errors';

describe('storageError', () => {
  it('says a full disk is full', () => {
    const e = storageError(new DOMException('quota', 'QuotaExceededError'));
    expect([e.code, e.message]).toEqual(['quota', expect.stringMatching(/storage is full/)]);
  });

  it('names a private window where WebKit refuses to store a file (its words, WebKitGTK 2.50)', () => {
    const e = storageError(new DOMException('Error preparing Blob/File data to be stored in object store', 'UnknownError'));
    expect(e.code).toBe('unavailable');
    expect(e.message).toMatch(/private window.*Open the app in a normal window/);
  });

  it('passes any other failure on in its own words', () => {
    const e = storageError(new Error('disk I/O error'));
    expect([e.code, e.message]).toEqual(['unknown', 'Browser storage failed, nothing was saved: disk I/O error']);
  });
});
