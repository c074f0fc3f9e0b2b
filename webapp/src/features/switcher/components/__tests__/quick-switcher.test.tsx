import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { channelOf, jsonResponse, mockApi } from '@/testing/test-utils';
import type { Channel } from '@/types/api';
import { QuickSwitcher } from '../quick-switcher';

describe('QuickSwitcher → search', () => {
  it('offers searching messages for the typed words as its last option, chosen with Enter', async () => {
    mockApi({ 'GET /api/users': jsonResponse({ users: [] }) });
    const client = createQueryClient();
    client.setQueryData<Channel[]>(queryKeys.channels, [channelOf('c1', { name: 'design' })]);
    const onSearch = vi.fn();
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={client}>
        <QuickSwitcher selfId="u-1" onClose={vi.fn()} onSearch={onSearch} />
      </QueryClientProvider>,
    );
    await user.type(screen.getByRole('combobox'), 'quarterly report');
    const option = await screen.findByRole('option', {
      name: new RegExp(messages.switcher.searchFor('quarterly report')),
    });
    await waitFor(() => expect(option).toHaveAttribute('aria-selected', 'true'));
    await user.keyboard('{Enter}');
    expect(onSearch).toHaveBeenCalledWith('quarterly report');
  });
});
