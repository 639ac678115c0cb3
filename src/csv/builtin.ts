import { genericMapping, type Mapping } from './mapping.js';
import { ssdMapping } from './ssd.js';

/** The mappings built in, by the name `--mapping` takes. */
export const builtInMappings: Readonly<Record<string, Mapping>> = {
  generic: genericMapping(),
  ssd: ssdMapping,
};
