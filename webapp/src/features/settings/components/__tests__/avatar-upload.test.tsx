import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sizedSrc } from '@/components/avatar';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { currentUser } from '@/testing/test-utils';
import type { CurrentUser } from '@/types/api';
import { AvatarUpload } from '../avatar-upload';

class FakeXhr {
  static last: FakeXhr;
  url = '';
  body: unknown;
  status = 0;
  responseText = '';
  upload = {
    onprogress: null as null | ((e: { loaded: number; total: number; lengthComputable: boolean }) => void),
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  getResponseHeader(): string | null {
    return 'application/json';
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {}
}

const me = currentUser();

describe('AvatarUpload', () => {
  beforeEach(() => vi.stubGlobal('XMLHttpRequest', FakeXhr));
  afterEach(() => vi.unstubAllGlobals());

  it('uploads the picked picture and puts the answer, with its new picture URL, in the cached person', async () => {
    const user = userEvent.setup();
    const client = createQueryClient();
    client.setQueryData(queryKeys.me, me);
    render(
      <QueryClientProvider client={client}>
        <AvatarUpload me={me} />
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Upload a picture' }));
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'me.png', { type: 'image/png' });
    fireEvent.change(screen.getByTestId('avatar-input'), { target: { files: [file] } });
    expect(FakeXhr.last.url).toBe('/api/users/me/avatar');
    expect(FakeXhr.last.body).toBe(file);
    FakeXhr.last.status = 200;
    FakeXhr.last.responseText = JSON.stringify({ ...me, avatarURL: '/api/avatars/a2' });
    FakeXhr.last.onload?.();
    await waitFor(() =>
      expect(client.getQueryData<CurrentUser>(queryKeys.me)?.avatarURL).toBe('/api/avatars/a2'),
    );
  });

  it('asks for a stored picture at twice the shown size and leaves other addresses alone', () => {
    expect(sizedSrc('/api/avatars/a2', 36)).toBe('/api/avatars/a2?size=128');
    expect(sizedSrc('/api/avatars/a2', 24)).toBe('/api/avatars/a2?size=64');
    expect(sizedSrc('/api/avatars/a2', 200)).toBe('/api/avatars/a2?size=256');
    expect(sizedSrc('/api/users/u1/avatar', 36)).toBe('/api/users/u1/avatar');
  });
});
