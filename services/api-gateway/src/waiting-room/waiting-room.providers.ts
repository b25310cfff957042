import type { Provider } from '@nestjs/common';
import type { Backends } from '../backends/backends';
import type { GatewayConfig } from '../config';
import { WaitingRoomTokens } from './admission-token';
import { HoldGate } from './hold-gate';
import { SaleSettingsCache } from './sale-settings.cache';
import { WaitingRoomService } from './waiting-room.service';
import { WaitingRoomStore } from './waiting-room.store';

/** Keys of a showtime's queue outlive its last write by this long. */
const QUEUE_KEY_TTL_MS = 2 * 24 * 60 * 60 * 1000;

/** The waiting room's parts, shared by its controller and the hold route (HoldGate). */
export function waitingRoomProviders(config: GatewayConfig, backends: Backends): Provider[] {
  const settings = config.waitingRoom;
  const tokens = new WaitingRoomTokens(settings.secret);
  const cache = new SaleSettingsCache(backends.movie, settings.settingsTtlMs);
  const store = new WaitingRoomStore(backends.redis, config.redis.keyPrefix, {
    admissionMs: settings.admissionSeconds * 1000,
    presenceMs: settings.presenceSeconds * 1000,
    keyTtlMs: QUEUE_KEY_TTL_MS,
  });
  return [
    { provide: HoldGate, useValue: new HoldGate(cache, tokens) },
    {
      provide: WaitingRoomService,
      useValue: new WaitingRoomService(cache, store, tokens, settings.streamTicketSeconds * 1000),
    },
  ];
}
