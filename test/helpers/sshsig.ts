// SSHSIG blobs taken apart and put together again, to forge signatures that ssh-keygen would never make.

export function unarmor(armored: string): Buffer {
  return Buffer.from(armored.trim().split('\n').slice(1, -1).join(''), 'base64');
}

export function armor(bytes: Buffer): string {
  const lines = bytes.toString('base64').match(/.{1,70}/g) ?? [];
  return ['-----BEGIN SSH SIGNATURE-----', ...lines, '-----END SSH SIGNATURE-----', ''].join('\n');
}

/** The length-prefixed fields of an SSHSIG blob after its magic and version. */
function fieldsOf(bytes: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  for (let at = 10; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    fields.push(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

function wire(...values: Buffer[]): Buffer {
  return Buffer.concat(
    values.flatMap((value) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(value.length);
      return [length, value];
    }),
  );
}

/** The armored signature with the algorithm name inside its signature field replaced. */
export function withAlgorithm(armored: string, algorithm: string): string {
  const bytes = unarmor(armored);
  const [publicKey, namespace, reserved, hash, inner] = fieldsOf(bytes) as [Buffer, Buffer, Buffer, Buffer, Buffer];
  const [, raw] = fieldsOf(Buffer.concat([Buffer.alloc(10), inner])) as [Buffer, Buffer];
  const signature = wire(Buffer.from(algorithm, 'latin1'), raw);
  return armor(Buffer.concat([bytes.subarray(0, 10), wire(publicKey, namespace, reserved, hash, signature)]));
}
