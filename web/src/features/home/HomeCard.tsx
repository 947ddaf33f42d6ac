import { Link } from 'react-router';
import { Icon } from 'design-react-kit';

interface HomeCardProps {
  to: string;
  icon: string;
  title: string;
  description: string;
}

/** One thing the user can do, as a whole-card link. */
export function HomeCard({ to, icon, title, description }: HomeCardProps) {
  return (
    <div className="col-12 col-md-6 col-lg-4 mb-4">
      <Link to={to} className="card card-bg home-card h-100 text-decoration-none rounded shadow-sm">
        <div className="card-body">
          <Icon icon={icon} color="primary" size="lg" aria-hidden="true" className="mb-3" />
          <h2 className="card-title h4">{title}</h2>
          <p className="card-text">{description}</p>
        </div>
      </Link>
    </div>
  );
}
