/**
 * The statuses a warehouse prints for or moves printed orders to, in the control panel's order
 * (ids are fixed across stores). Their names are always the store's own (useOrderStatuses).
 */
export const PRINT_STATUS_IDS: readonly number[] = [11, 9, 8, 3, 7, 1, 12, 2, 10];
