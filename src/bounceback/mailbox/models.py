"""Models for this area are added by the feature that needs them."""
