"""The supervisor panel (team leads and admins) and the monthly report's PDF layout."""
