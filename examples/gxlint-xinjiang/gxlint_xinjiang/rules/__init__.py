"""The pack's rules, one per module, named ``xjNNN_<rule_name>.py``."""
