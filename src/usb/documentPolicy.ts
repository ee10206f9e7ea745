interface PolicyLike {
  allowsFeature(feature: string): boolean;
}

type DocumentWithPolicy = Document & { permissionsPolicy?: PolicyLike; featurePolicy?: PolicyLike };

/**
 * Whether the document's permissions policy allows a feature (W3C Permissions Policy,
 * `document.permissionsPolicy.allowsFeature`). Chromium 156 has only the older name,
 * `document.featurePolicy`, so both are asked, the standard one first. A browser with neither, or
 * a policy that throws on a name it does not know, allows nothing.
 */
export function documentAllowsFeature(feature: string, doc: DocumentWithPolicy | undefined = globalThis.document): boolean {
  const policy = doc?.permissionsPolicy ?? doc?.featurePolicy;
  try {
    return policy?.allowsFeature(feature) ?? false;
  } catch {
    return false;
  }
}
