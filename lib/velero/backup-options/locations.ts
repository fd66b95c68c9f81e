// Storage and snapshot locations as prepareBackupRequest checks them (velero-objects.md a.2 steps 5 and 7).
import type { BackupSpec, BackupStorageLocation, VeleroObjects, VolumeSnapshotLocation } from '../../model/velero';
import type { ServerSettings } from './types';

export interface LocationCheck {
  storageLocation: string;
  volumeSnapshotLocations: string[];
  errors: string[];
  assumptions: string[];
}

const nameOf = (o: { metadata?: { name?: string } }) => o.metadata?.name ?? '';

function checkStorageLocation(spec: BackupSpec, bsls: readonly BackupStorageLocation[] | null, server: ServerSettings, out: LocationCheck) {
  const serverSpecified = !spec.storageLocation;
  if (serverSpecified) {
    const marked = bsls?.find((b) => b.spec?.default === true);
    out.storageLocation = marked ? nameOf(marked) : server.defaultBackupStorageLocation.value;
  }
  const name = out.storageLocation;
  if (bsls === null) {
    out.assumptions.push(`BackupStorageLocations could not be read: location "${name}" is assumed to exist, be writable and be Available.`);
    return;
  }
  const bsl = bsls.find((b) => nameOf(b) === name);
  if (!bsl) {
    const cause = `backupstoragelocations.velero.io "${name}" not found`;
    out.errors.push(serverSpecified
      ? `an existing backup storage location was not specified at backup creation time and the server default ${name} does not exist. Please address this issue (see \`velero backup-location -h\` for options) and create a new backup. Error: ${cause}`
      : `an existing backup storage location was not specified at backup creation time and the default ${name} was not found. Please address this issue (see \`velero backup-location -h\` for options) and create a new backup. Error: ${cause}`);
    return;
  }
  if (bsl.spec?.accessMode === 'ReadOnly') out.errors.push(`backup can't be created because backup storage location ${name} is currently in read-only mode`);
  if (bsl.status?.phase !== 'Available') out.errors.push(`backup can't be created because BackupStorageLocation ${name} is in Unavailable status.`);
}

/** validateAndGetSnapshotLocations; providers in sorted order (Velero walks a Go map). */
function checkSnapshotLocations(spec: BackupSpec, vsls: readonly VolumeSnapshotLocation[] | null, server: ServerSettings, out: LocationCheck) {
  const named = spec.volumeSnapshotLocations ?? [];
  if (vsls === null) {
    if (named.length || server.defaultVolumeSnapshotLocations.source !== 'default') {
      out.assumptions.push('VolumeSnapshotLocations could not be read: the named and default locations are assumed to exist.');
    }
    out.volumeSnapshotLocations = [...named];
    return;
  }
  const errors: string[] = [];
  const byProvider = new Map<string, string>();
  for (const name of named) {
    const vsl = vsls.find((v) => nameOf(v) === name);
    if (!vsl) {
      errors.push(`a VolumeSnapshotLocation CRD for the location ${name} with the name specified in the backup spec needs to be created before this snapshot can be executed. Error: volumesnapshotlocations.velero.io "${name}" not found`);
      continue;
    }
    const provider = vsl.spec?.provider ?? '';
    const chosen = byProvider.get(provider);
    if (chosen === undefined) byProvider.set(provider, name);
    else if (chosen !== name) errors.push(`more than one VolumeSnapshotLocation name specified for provider ${provider}: ${name}; unexpected name was ${chosen}`);
  }
  if (errors.length) {
    out.errors.push(...errors);
    return;
  }
  const all = new Map<string, string[]>();
  for (const vsl of vsls) all.set(vsl.spec?.provider ?? '', [...(all.get(vsl.spec?.provider ?? '') ?? []), nameOf(vsl)]);
  for (const provider of [...all.keys()].sort()) {
    if (byProvider.has(provider)) continue;
    const names = all.get(provider) ?? [];
    if (names.length === 1) {
      byProvider.set(provider, names[0] as string);
      continue;
    }
    const fallback = server.defaultVolumeSnapshotLocations.value[provider] ?? '';
    if (fallback === '') {
      if (server.defaultVolumeSnapshotLocations.source === 'assumed') {
        out.assumptions.push(`Provider ${provider} has several VolumeSnapshotLocations; the server's --default-volume-snapshot-locations is unknown and assumed to name one.`);
        continue;
      }
      errors.push(`provider ${provider} has more than one possible volume snapshot location, and none were specified explicitly or as a default`);
    } else if (!names.includes(fallback)) {
      errors.push(`error getting volume snapshot location named ${fallback}: volumesnapshotlocations.velero.io "${fallback}" not found`);
    } else byProvider.set(provider, fallback);
  }
  out.errors.push(...errors);
  out.volumeSnapshotLocations = errors.length ? [...named] : [...byProvider.values()].sort();
}

export function checkLocations(spec: BackupSpec, velero: VeleroObjects | undefined, server: ServerSettings): LocationCheck {
  const out: LocationCheck = { storageLocation: spec.storageLocation ?? '', volumeSnapshotLocations: [], errors: [], assumptions: [] };
  checkStorageLocation(spec, velero?.backupStorageLocations ?? null, server, out);
  checkSnapshotLocations(spec, velero?.volumeSnapshotLocations ?? null, server, out);
  return out;
}
