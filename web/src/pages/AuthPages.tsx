import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { describeError } from '../api/errors';
import { Note } from '../components';
import { Link, navigate, nextPath, useLocation } from '../router';

function useSubmit(action: () => Promise<unknown>, location: string) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
      navigate(nextPath(location), { replace: true });
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

export function SignInPage() {
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(() => api.login(email.trim(), password), location);
  const next = location.split('?')[1] ?? '';
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <form className="stack" onSubmit={submit}>
        {error && <Note kind="error">{error}</Note>}
        <label>
          Email
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
            required
          />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
      <p>
        New here? <Link href={`/register${next ? `?${next}` : ''}`}>Create an account</Link>
      </p>
    </div>
  );
}

export function RegisterPage() {
  const location = useLocation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(
    () => api.register(email.trim(), password, name.trim()),
    location,
  );
  const next = location.split('?')[1] ?? '';
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <form className="stack" onSubmit={submit}>
        {error && <Note kind="error">{error}</Note>}
        <label>
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            required
            maxLength={100}
          />
        </label>
        <label>
          Email
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
            required
          />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={128}
            aria-describedby="password-hint"
          />
        </label>
        <p id="password-hint" className="hint">
          At least 8 characters.
        </p>
        <button type="submit" className="primary" disabled={busy}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link href={`/sign-in${next ? `?${next}` : ''}`}>Sign in</Link>
      </p>
    </div>
  );
}
