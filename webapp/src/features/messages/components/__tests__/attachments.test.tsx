import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attachment } from '@/types/api';
import { Composer } from '../composer';
import { MessageAttachments, thumbnailSize } from '../message-attachments';

/** A stand-in for XMLHttpRequest that the test drives: progress, answer, abort. */
class FakeXhr {
  static all: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } =
    {
      onprogress: null,
    };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.all.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string): string | null {
    return name.toLowerCase() === 'content-type' ? 'application/json' : null;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

function attachment(id: string, over: Partial<Attachment> = {}): Attachment {
  return {
    id,
    name: `${id}.txt`,
    mediaType: 'text/plain',
    size: 2048,
    width: null,
    height: null,
    url: `/api/files/${id}`,
    thumbnailUrl: null,
    previewUrl: null,
    ...over,
  };
}

function image(id: string, width: number, height: number): Attachment {
  return attachment(id, {
    name: `${id}.jpg`,
    mediaType: 'image/jpeg',
    width,
    height,
    thumbnailUrl: `/api/files/${id}/thumbnail`,
    previewUrl: `/api/files/${id}/preview`,
  });
}

describe('Attachments in the composer', () => {
  beforeEach(() => {
    FakeXhr.all = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('uploads a picked file with its real progress and sends it without text', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Composer channelId="c1" label="Message #general" onSend={onSend} />);
    const file = new File(['x'.repeat(1000)], 'report.txt', { type: 'text/plain' });
    await user.click(screen.getByRole('button', { name: 'Attach files' }));
    await user.upload(screen.getByTestId('attach-input'), file);

    const xhr = FakeXhr.all[0];
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/files?channelId=c1&name=report.txt');
    expect(xhr.body).toBe(file);
    const bar = screen.getByRole('progressbar', { name: 'Uploading report.txt' });
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    xhr.progress(400, 1000);
    await waitFor(() => expect(bar).toHaveAttribute('value', '400'));

    xhr.answer(201, attachment('f1', { name: 'report.txt', size: 1000 }));
    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('', [expect.objectContaining({ id: 'f1' })]);
    expect(screen.queryByRole('list', { name: 'Files to send' })).not.toBeInTheDocument();
  });

  it('turns a pasted image into an upload, and cancelling it aborts the request', async () => {
    const onSend = vi.fn();
    render(<Composer channelId="c1" label="Message #general" onSend={onSend} />);
    const png = new File([new Uint8Array([137, 80, 78, 71])], '', { type: 'image/png' });
    fireEvent.paste(screen.getByRole('textbox'), { clipboardData: { files: [png], types: ['Files'] } });
    const xhr = FakeXhr.all[0];
    expect(xhr.url).toContain('name=pasted-image.png');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel upload of pasted-image.png' }));
    expect(xhr.aborted).toBe(true);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows a refused upload with the server words and lets it be removed', async () => {
    render(<Composer channelId="c1" label="Message #general" onSend={vi.fn()} />);
    const file = new File(['x'], 'huge.bin');
    fireEvent.drop(screen.getByRole('textbox').closest('form') as HTMLFormElement, {
      dataTransfer: { files: [file], types: ['Files'] },
    });
    FakeXhr.all[0].getResponseHeader = () => 'application/problem+json';
    FakeXhr.all[0].answer(413, {
      title: 'Payload too large',
      status: 413,
      detail: 'A file may be at most 26214400 bytes.',
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('A file may be at most 26214400 bytes.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove huge.bin' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('Attachments on a message', () => {
  it('reserves each thumbnail its size before it loads and lists other files with size and download', () => {
    render(<MessageAttachments attachments={[image('wide', 2000, 1000), attachment('notes')]} />);
    const thumb = screen
      .getByRole('button', { name: 'Open image wide.jpg' })
      .querySelector('img') as HTMLImageElement;
    expect(thumb).toHaveAttribute('width', '360');
    expect(thumb).toHaveAttribute('height', '180');
    expect(thumb).toHaveAttribute('src', '/api/files/wide/thumbnail');
    const link = screen.getByRole('link', { name: 'Download notes.txt' });
    expect(link).toHaveAttribute('href', '/api/files/notes?download=1');
    expect(screen.getByText('2.0 KB')).toBeInTheDocument();
    expect(thumbnailSize(image('small', 100, 50))).toEqual({ width: 100, height: 50 });
    expect(thumbnailSize(image('tall', 1000, 4000))).toEqual({ width: 60, height: 240 });
  });

  it('opens the viewer by keyboard, moves with the arrows and gives focus back on Escape', async () => {
    const user = userEvent.setup();
    render(<MessageAttachments attachments={[image('one', 800, 600), image('two', 600, 800)]} />);
    const first = screen.getByRole('button', { name: 'Open image one.jpg' });
    first.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Image: one.jpg' });
    expect(dialog.querySelector('img')).toHaveAttribute('src', '/api/files/one/preview');
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('dialog', { name: 'Image: two.jpg' })).toBeInTheDocument();
    expect(screen.getByText('2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute(
      'href',
      '/api/files/two?download=1',
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(first).toHaveFocus();
  });
});
