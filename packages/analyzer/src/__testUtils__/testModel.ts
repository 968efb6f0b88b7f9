import { buildModel } from '../model';
import type { DockerfileModel } from '../model';
import { parseDockerfile } from '../parse';

/** The stage model of a Dockerfile, for vocabulary tests. */
export function modelOf(text: string): DockerfileModel {
  return buildModel(parseDockerfile(text));
}
