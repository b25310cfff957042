import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretKey } from './env';
import {
  adminPasswordSpec,
  DEFAULT_ADMIN_PASSWORD,
  DEFAULT_JWT_SECRET,
  DEFAULT_PAYMENT_API_KEY,
  jwtSecretSpec,
  paymentApiKeySpec,
  webhookSecretSpec,
} from './shared';

const spec = {
  jwtSecret: jwtSecretSpec(),
  webhookSecret: webhookSecretSpec(),
  paymentApiKey: paymentApiKeySpec(),
  adminPassword: adminPasswordSpec(),
  previous: secretKey('PAYMENT_WEBHOOK_SECRET_PREVIOUS', { optional: true }),
};

const STRONG = {
  JWT_SECRET: 'j'.repeat(32),
  PAYMENT_WEBHOOK_SECRET: 'w'.repeat(32),
  PAYMENT_API_KEY: 'k'.repeat(32),
  ADMIN_PASSWORD: 'a strong admin password',
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    loadConfig(spec, source);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
}

describe('secrets in production (NODE_ENV=production)', () => {
  it('starts with every secret set and strong', () => {
    expect(loadConfig(spec, { NODE_ENV: 'production', ...STRONG })).toMatchObject({
      jwtSecret: STRONG.JWT_SECRET,
      paymentApiKey: STRONG.PAYMENT_API_KEY,
      adminPassword: STRONG.ADMIN_PASSWORD,
      previous: '',
    });
  });

  it('refuses to start without secrets, naming each variable', () => {
    const found = problems({ NODE_ENV: 'production' });
    for (const variable of ['JWT_SECRET', 'PAYMENT_WEBHOOK_SECRET', 'PAYMENT_API_KEY', 'ADMIN_PASSWORD'])
      expect(found).toContainEqual(
        expect.stringMatching(new RegExp(`^${variable} is required in production`)),
      );
    expect(found).toHaveLength(4);
  });

  it.each(['JWT_SECRET', 'PAYMENT_WEBHOOK_SECRET', 'PAYMENT_API_KEY'])(
    'refuses %s when empty, shorter than 32 bytes or a development default',
    (variable) => {
      expect(problems({ NODE_ENV: 'production', ...STRONG, [variable]: '' })).toEqual([
        expect.stringMatching(new RegExp(`^${variable} is required`)),
      ]);
      expect(problems({ NODE_ENV: 'production', ...STRONG, [variable]: 'x'.repeat(31) })).toEqual([
        `${variable} must be at least 32 bytes in production (e.g. from \`npm run init-env\`)`,
      ]);
      for (const dev of [DEFAULT_JWT_SECRET, DEFAULT_PAYMENT_API_KEY, 'dev-webhook-secret-change-me'])
        expect(problems({ NODE_ENV: 'production', ...STRONG, [variable]: dev })).toEqual([
          expect.stringMatching(new RegExp(`^${variable} is a development default`)),
        ]);
    },
  );

  it('counts bytes, not characters', () => {
    // 16 characters of two bytes each: 32 bytes.
    expect(problems({ NODE_ENV: 'production', ...STRONG, JWT_SECRET: 'é'.repeat(16) })).toEqual([]);
    expect(problems({ NODE_ENV: 'production', ...STRONG, JWT_SECRET: 'é'.repeat(15) })).toHaveLength(1);
  });

  it('refuses ADMIN_PASSWORD missing or a documented default', () => {
    expect(problems({ NODE_ENV: 'production', ...STRONG, ADMIN_PASSWORD: undefined })).toEqual([
      expect.stringMatching(/^ADMIN_PASSWORD is required in production/),
    ]);
    for (const documented of [DEFAULT_ADMIN_PASSWORD, 'password'])
      expect(problems({ NODE_ENV: 'production', ...STRONG, ADMIN_PASSWORD: documented })).toEqual([
        expect.stringMatching(/^ADMIN_PASSWORD is a documented default/),
      ]);
  });

  it.each([
    'CHANGE_ME',
    'change-me-please-now',
    'ChangeMe!2026abc',
    '<admin password>',
    '${ADMIN_PASSWORD}',
    'REPLACE_ME_WITH_A_PASSWORD',
    'your-password-here',
    'xxxxxxxxxxxxxxxx',
  ])('refuses the placeholder ADMIN_PASSWORD=%s, naming the variable', (placeholder) => {
    expect(problems({ NODE_ENV: 'production', ...STRONG, ADMIN_PASSWORD: placeholder })).toEqual([
      'ADMIN_PASSWORD is a placeholder; production needs a real password (e.g. from `npm run init-env`)',
    ]);
  });

  it('refuses ADMIN_PASSWORD shorter than 12 characters, counting characters rather than bytes', () => {
    expect(problems({ NODE_ENV: 'production', ...STRONG, ADMIN_PASSWORD: 'k7#qPz2!vLm' })).toEqual([
      'ADMIN_PASSWORD must be at least 12 characters in production (e.g. from `npm run init-env`)',
    ]);
    expect(problems({ NODE_ENV: 'production', ...STRONG, ADMIN_PASSWORD: 'k7#qPz2!vLm9' })).toEqual([]);
    // 11 characters of two bytes each: 22 bytes, still too short.
    expect(problems({ NODE_ENV: 'production', ...STRONG, ADMIN_PASSWORD: 'éàüöçñøåßîô' })).toHaveLength(1);
    expect(problems({ NODE_ENV: 'production', ...STRONG, ADMIN_PASSWORD: 'éàüöçñøåßîôë' })).toEqual([]);
  });

  it('takes a generated ADMIN_PASSWORD and a passphrase that merely contains a common word', () => {
    for (const password of ['9f3c1a7be24d6e08c5b1f9a2d7e3c640', 'orange staple password battery'])
      expect(problems({ NODE_ENV: 'production', ...STRONG, ADMIN_PASSWORD: password })).toEqual([]);
  });

  it('keeps the development default and short passwords outside production', () => {
    expect(loadConfig(spec, { NODE_ENV: 'development', ADMIN_PASSWORD: 'short' }).adminPassword).toBe(
      'short',
    );
  });

  it('holds an optional secret, when set, to the same rules', () => {
    expect(problems({ NODE_ENV: 'production', ...STRONG, PAYMENT_WEBHOOK_SECRET_PREVIOUS: 'short' })).toEqual(
      [expect.stringMatching(/^PAYMENT_WEBHOOK_SECRET_PREVIOUS must be at least 32 bytes/)],
    );
  });

  it('refuses an unknown NODE_ENV once instead of guessing development', () => {
    expect(problems({ NODE_ENV: 'prod', ...STRONG })).toEqual([
      'NODE_ENV must be production, development or test, got "prod"',
    ]);
  });
});

describe('secrets in development', () => {
  it.each([undefined, '', 'development', 'test'])(
    'NODE_ENV=%s starts with the development defaults',
    (mode) => {
      expect(loadConfig(spec, { NODE_ENV: mode })).toEqual({
        jwtSecret: DEFAULT_JWT_SECRET,
        webhookSecret: 'dev-webhook-secret-change-me',
        paymentApiKey: DEFAULT_PAYMENT_API_KEY,
        adminPassword: DEFAULT_ADMIN_PASSWORD,
        previous: '',
      });
    },
  );

  it('takes any value given, short ones included', () => {
    expect(loadConfig(spec, { PAYMENT_API_KEY: 'k' }).paymentApiKey).toBe('k');
  });
});
