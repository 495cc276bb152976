import { useEffect, useState } from 'react';
import { api } from './api/endpoints.js';
import { storedToken, storeToken } from './api/client.js';
import type { Me } from './api/types.js';
import { SessionContext } from './auth.js';
import { Layout } from './Layout.js';
import { LoginView } from './views/LoginView.js';

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(() => storedToken() !== null);

  useEffect(() => {
    if (!checking) return;
    api.me().then(
      (who) => {
        setMe(who);
        setChecking(false);
      },
      () => {
        storeToken(null);
        setChecking(false);
      },
    );
  }, [checking]);

  const logout = () => {
    storeToken(null);
    setMe(null);
  };

  if (checking)
    return (
      <p className="muted centered" aria-busy="true">
        Loading…
      </p>
    );
  if (!me) return <LoginView onLogin={setMe} />;
  return (
    <SessionContext.Provider value={{ me, logout }}>
      <Layout />
    </SessionContext.Provider>
  );
}
