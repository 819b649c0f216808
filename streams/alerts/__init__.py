"""Alerts: rules in Elasticsearch, matching per indexed micro-batch, delivery to webhooks."""
