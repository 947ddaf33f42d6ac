import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { I18nProvider, LOCALE_STORAGE_KEY } from './i18n/I18nProvider';
import { SessionProvider } from './features/session/SessionProvider';
import { AppRoutes } from './App';

function renderAt(path: string) {
  return render(
    <I18nProvider>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('the web app shell', () => {
  it('sends an anonymous visitor to the login page', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Accesso richiesto.' } }),
            { status: 401 },
          ),
      ),
    );
    renderAt('/persone');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi a Legami' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Vai al contenuto principale' })).toBeTruthy();
  });

  it('switches to English and remembers the choice', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'x' } }), { status: 401 }),
      ),
    );
    renderAt('/login');
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Legami' })).toBeTruthy();
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
