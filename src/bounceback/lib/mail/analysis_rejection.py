"""Moved to ``rejection``; kept so ``recovery.capture`` keeps importing from here."""

from bounceback.lib.mail.rejection import RejectionDetails, rejection_details

__all__ = ["RejectionDetails", "rejection_details"]
