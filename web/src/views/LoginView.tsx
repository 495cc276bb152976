import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import { storeToken } from '../api/client.js';
import type { Me } from '../api/types.js';

export function LoginView({ onLogin }: { onLogin: (me: Me) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    storeToken(token.trim());
    try {
      onLogin(await api.me());
    } catch (err) {
      storeToken(null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form onSubmit={submit} className="card login-card" aria-labelledby="login-title">
        <h1 id="login-title">
          <span aria-hidden="true">⚓ </span>Vigie
        </h1>
        <p className="muted">Licence compliance for the releases you ship.</p>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="current-password"
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby="token-help"
        />
        <p id="token-help" className="hint">
          Create one with <code>vigie token create --name &lt;your name&gt; --role compliance-officer</code>;{' '}
          <code>npm start</code> prints a demo token.
        </p>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
