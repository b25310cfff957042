import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
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

/** `path` with the query of `location` (where to go after signing in travels between the two pages). */
function withSameQuery(path: string, location: string): string {
  const query = location.split('?')[1] ?? '';
  return query ? `${path}?${query}` : path;
}

function EmailField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label>
      Email
      <input
        type="email"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="email"
        required
      />
    </label>
  );
}

function PasswordField({
  value,
  onChange,
  ...input
}: { value: string; onChange: (value: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange' | 'required'
>) {
  return (
    <label>
      Password
      <input type="password" value={value} onChange={(e) => onChange(e.target.value)} required {...input} />
    </label>
  );
}

export function SignInPage() {
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(() => api.login(email.trim(), password), location);
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <form className="stack" onSubmit={submit}>
        {error && <Note kind="error">{error}</Note>}
        <EmailField value={email} onChange={setEmail} />
        <PasswordField value={password} onChange={setPassword} autoComplete="current-password" />
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
      <p>
        New here? <Link href={withSameQuery('/register', location)}>Create an account</Link>
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
        <EmailField value={email} onChange={setEmail} />
        <PasswordField
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          minLength={8}
          maxLength={128}
          aria-describedby="password-hint"
        />
        <p id="password-hint" className="hint">
          At least 8 characters.
        </p>
        <button type="submit" className="primary" disabled={busy}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link href={withSameQuery('/sign-in', location)}>Sign in</Link>
      </p>
    </div>
  );
}
