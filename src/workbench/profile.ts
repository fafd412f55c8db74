/**
 * Which host the workbench simulates, from its query string: ?profile=office2019vl (any id of
 * HOST_PROFILES); the older ?api=1.7 still works as an alias (the profile of that ExcelApi
 * version, else the web profile with that version); ?platform= overrides the platform. Default:
 * the web profile (the workbench runs in a browser).
 */
import { HOST_PROFILE_IDS, HOST_PROFILES, isHostProfileId, type FakeExcelOptions, type HostProfileId } from "../hosts/office/fake";

export function workbenchHost(params: URLSearchParams): FakeExcelOptions & { profile: HostProfileId } {
  const requested = params.get("profile") ?? "";
  const api = params.get("api");
  let opts: FakeExcelOptions & { profile: HostProfileId } = { profile: "web" };
  if (isHostProfileId(requested)) opts = { profile: requested };
  else if (api) {
    const match = HOST_PROFILE_IDS.find((id) => HOST_PROFILES[id].apiSets.ExcelApi === api);
    opts = match ? { profile: match } : { profile: "web", apiSets: { ...HOST_PROFILES.web.apiSets, ExcelApi: api } };
  }
  const platform = params.get("platform");
  if (platform) opts.platform = platform;
  return opts;
}
