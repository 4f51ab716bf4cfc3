import { privateCluster, removeCluster } from '../../scripts/lib/private-postgres'

/** Whatever happened in the test: the private cluster is stopped and its folder removed. */
export default function teardown() {
  removeCluster(privateCluster(Number(process.env.OUTAGE_PG_PORT), process.env.OUTAGE_PG_DIR!))
}
