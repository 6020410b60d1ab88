#!/usr/bin/env bash
# Runs a command with an unlocked gnome-keyring-daemon on the current D-Bus session (use inside
# `dbus-run-session`). The keyring files live in a throwaway folder, so a real user keyring is never touched.
set -euo pipefail
keyring_home="$(mktemp -d)"
export XDG_DATA_HOME="$keyring_home/data" XDG_CACHE_HOME="$keyring_home/cache"
mkdir -p "$XDG_DATA_HOME/keyrings" "$XDG_CACHE_HOME"
# The password only protects this throwaway keyring; --unlock creates the login collection with it.
eval "$(printf 'stockroom-ci' | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
export STOCKROOM_PRIVATE_KEYRING=1
trap 'rm -rf "$keyring_home"' EXIT
"$@"
