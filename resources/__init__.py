"""Resources shipped with AgentDesk: icons, style sheets, translations, demo data, seed KB and scripts."""
