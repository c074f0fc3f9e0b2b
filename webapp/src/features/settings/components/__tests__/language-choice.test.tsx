import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { chosenLanguage } from '@/config/locale';
import { LanguageChoice } from '../language-choice';

describe('LanguageChoice', () => {
  it('offers the browser language and each language in its own name', () => {
    render(<LanguageChoice onLanguageChanged={vi.fn()} />);
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(select).toHaveValue('');
    expect(screen.getByRole('option', { name: 'As this browser (English)' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Deutsch' })).toHaveAttribute('lang', 'de');
  });

  it('remembers German and reloads into it', async () => {
    const reload = vi.fn();
    render(<LanguageChoice onLanguageChanged={reload} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Deutsch');
    expect(chosenLanguage()).toBe('de');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload for the language already shown, and "as this browser" forgets the choice', async () => {
    const reload = vi.fn();
    render(<LanguageChoice onLanguageChanged={reload} />);
    const select = screen.getByRole('combobox', { name: 'Language' });
    await userEvent.selectOptions(select, 'English');
    expect(chosenLanguage()).toBe('en');
    await userEvent.selectOptions(select, 'As this browser (English)');
    expect(chosenLanguage()).toBeNull();
    expect(reload).not.toHaveBeenCalled();
  });
});
