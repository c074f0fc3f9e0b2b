/**
 * Uploads one file's raw bytes with XMLHttpRequest, whose upload events report real progress (fetch has none),
 * with the same Bearer token and problem+json errors as every other call. Abort to cancel.
 */
import { networkError, toApiError } from './problem';
import { getAccessToken } from './session';

export interface UploadHandle<T> {
  done: Promise<T>;
  abort: () => void;
}

export class UploadAborted extends Error {
  constructor() {
    super('Upload cancelled');
    this.name = 'UploadAborted';
  }
}

export function uploadFile<T>(
  path: string,
  body: Blob,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    const token = getAccessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', body.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as T);
        return;
      }
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'text/plain' },
      });
      void toApiError(response).then(reject, reject);
    };
    xhr.onerror = () => reject(networkError(null));
    xhr.onabort = () => reject(new UploadAborted());
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}
