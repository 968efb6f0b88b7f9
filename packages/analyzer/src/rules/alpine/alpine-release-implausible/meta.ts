import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-release-implausible',
  title: 'Alpine release that cannot exist yet',
  category: 'alpine',
  severity: 'warning',
  remediation:
    "Check the tag against https://alpinelinux.org/releases/ and the image's tag list; if the release is real, add it to the knowledge (`knowledge.releases`).",
  references: ['https://alpinelinux.org/releases/'],
  aliases: [],
  fixable: false,
  messages: {
    implausible:
      "Alpine {{version}} ({{image}}) cannot exist by Alpine's cadence: the newest known branch is {{newest}} (released {{released}}), so at most {{latestPlausible}} by now; the tag looks wrong",
    implausibleNoDate:
      "Alpine {{version}} ({{image}}) cannot exist by Alpine's cadence: the newest known branch is {{newest}}, so at most {{latestPlausible}} by now; the tag looks wrong",
  },
  scope: 'alpine',
};
