package assure.kubernetes.replicas_test

import data.assure.kubernetes.replicas
import rego.v1

test_one_or_default_replica_fails if {
	count(replicas.deny) == 1 with input as {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {}}
	count(replicas.deny) == 1 with input as {"kind": "StatefulSet", "metadata": {"name": "s"}, "spec": {"replicas": 1}}
}

test_two_replicas_pass if {
	count(replicas.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"replicas": 3}}
}

test_rollout_defaults_to_one_replica if {
	count(replicas.deny) == 1 with input as {"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "metadata": {"name": "r"}, "spec": {"template": {}}}
}

test_daemonset_is_not_judged if {
	count(replicas.resources) == 0 with input as {"kind": "DaemonSet", "metadata": {"name": "agent"}, "spec": {}}
}
