import { AppError } from '../../../shared/rpc';

export const DEFAULT_KEYCHAIN_SERVICE = 'Stockroom';

export interface KeychainStatus {
  status: 'ok' | 'unavailable';
  message?: string;
}

/** Where API tokens live: the OS keychain, and nowhere else. */
export interface Keychain {
  status(): Promise<KeychainStatus>;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** The keytar functions we use; @napi-rs/keyring/keytar provides them (N-API, prebuilt). */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

const HOW_TO_FIX: Record<string, string> = {
  linux:
    'Stockroom keeps API tokens only in the OS keychain (Secret Service). Install and unlock one, e.g. `sudo apt install gnome-keyring libsecret-1-0` and log in to a desktop session, or start KeePassXC with Secret Service integration.',
  darwin: 'Stockroom keeps API tokens only in the macOS Keychain, which did not answer. Unlock your login keychain and try again.',
  win32: 'Stockroom keeps API tokens only in the Windows Credential Manager, which did not answer.',
};

export function keychainHelp(platform = process.platform): string {
  return HOW_TO_FIX[platform] ?? HOW_TO_FIX.linux!;
}

export async function loadKeytar(): Promise<KeytarApi> {
  return (await import('@napi-rs/keyring/keytar.js')) as unknown as KeytarApi;
}

/**
 * A keychain over the keytar API. Availability is probed with a search (a read that must reach the
 * Secret Service): on Linux without a session bus a plain get quietly returns null, which would hide it.
 */
export function createKeychain(keytar: KeytarApi, service = DEFAULT_KEYCHAIN_SERVICE): Keychain {
  let cached: KeychainStatus | null = null;
  const unavailable = (error: unknown): AppError =>
    new AppError('KEYCHAIN_UNAVAILABLE', `${keychainHelp()} (${errorText(error)})`);

  const status = async (): Promise<KeychainStatus> => {
    if (cached?.status === 'ok') return cached;
    try {
      await keytar.findCredentials(service);
      cached = { status: 'ok' };
    } catch (error) {
      cached = { status: 'unavailable', message: unavailable(error).message };
    }
    return cached;
  };

  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    const s = await status();
    if (s.status !== 'ok') throw new AppError('KEYCHAIN_UNAVAILABLE', s.message ?? keychainHelp());
    try {
      return await work();
    } catch (error) {
      cached = null;
      throw unavailable(error);
    }
  };

  return {
    status,
    get: (account) => guard(() => keytar.getPassword(service, account)),
    set: (account, secret) => guard(() => keytar.setPassword(service, account, secret)),
    delete: (account) => guard(() => keytar.deletePassword(service, account)),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
